printf '%d %i\n' 42 -7
printf '%5d|%-5d|%05d\n' 42 42 42
printf '%o %x %X %u\n' 8 255 255 3
printf '%d\n' 0x10 010 "'A"
printf '%+d % d\n' 5 5

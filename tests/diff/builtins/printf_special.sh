printf '%s\n' "-n"
printf -- '%s\n' dashdash
printf '%5.1f%%\n' 99.44

echo 'line one
line two
line three'

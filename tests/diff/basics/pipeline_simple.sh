echo hi | tr a-z A-Z
printf 'b\na\nc\n' | sort
printf 'x\ny\n' | wc -l | tr -d ' '

break 2>/dev/null
echo after-break
continue 2>/dev/null
echo after-continue

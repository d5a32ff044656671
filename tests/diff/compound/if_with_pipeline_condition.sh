if echo abc | grep -q b; then echo found; fi
if ! echo abc | grep -q z; then echo notfound; fi

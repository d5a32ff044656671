printf '%s|%d|%s\n' only

echo before
if

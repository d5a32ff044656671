f() { return 300; }; f; echo $?
f() { return 256; }; f && echo zero-is-true; echo $?
g() { return; }; false; g; echo $?

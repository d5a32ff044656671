f() { echo "$#"; }
f a b

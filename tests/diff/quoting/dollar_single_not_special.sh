echo '$x' "\$x"

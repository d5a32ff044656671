echo x 3>f >&3
cat f

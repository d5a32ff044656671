echo x | read
echo "status $?"

true && { echo a; false; } || echo b

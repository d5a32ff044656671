{ echo in; exit 4; }
echo never

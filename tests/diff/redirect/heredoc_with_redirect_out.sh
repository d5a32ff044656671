cat <<EOF > f
into file
EOF
cat f

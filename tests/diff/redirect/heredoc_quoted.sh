x=42
cat <<'EOF'
x is $x $(echo no)
EOF
cat <<"EOF"
still $x
EOF
cat <<E\OF
also $x
EOF

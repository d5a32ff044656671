cat <<EOF
EOF
echo empty-done

dir=$(mktemp -d)
printf '#!%s\necho "shebang ran with $1"\n' "$MINISH" > "$dir/s"
chmod +x "$dir/s"
"$dir/s" arg
rm -rf "$dir"

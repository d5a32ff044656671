dir=$(mktemp -d)
printf 'echo "0=$0 #=$# 1=$1 2=$2"\n' > "$dir/child.sh"
"$MINISH" "$dir/child.sh" one "two words" | sed "s|$dir/||"
"$MINISH" -c 'echo "0=$0 #=$# 1=$1"' name arg
"$MINISH" -c 'echo "#=$#"'
rm -rf "$dir"

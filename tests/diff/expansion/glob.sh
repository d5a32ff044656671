mkdir -p g; cd g; touch a1 a2 b1 .h 'c d' B2
echo *; echo a?; echo [ab]1; echo [!a]*; echo [[:upper:]]*; echo [[:alpha:]][[:digit:]]
echo "*" '*' \* nomatch* a[; echo .*
echo */ ; x='a*'; echo $x "$x"
set -f; echo *; set +f

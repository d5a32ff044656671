export ZZ='a b' YY
export -p | grep -E ' (ZZ|YY)'
readonly QQ='x"y'; readonly -p | grep QQ

# Inside "${x#pat}" the pattern is read as unquoted text: a backslash quotes
# any character (quotes and parentheses too) and '...' quotes.
p() { printf '[%s]\n' "$@"; }
x="a'b"; p "${x#*\'}"
x="it's"; p "${x%\'s}"
x="a(b"; p "${x#*\(}"
c='*\ok'; p "${c#\*\\}"
x='a\b'; p "${x#a\b}" "${x#a\\}" "${x#a\\\b}"
x='a*c'; p "${x#"a*"}" "${x#a\*}" "${x#'a*'}"
x='a}b'; p "${x#a\}}"
x='a"b'; p "${x#a\"}"
x='a$b'; p "${x#a\$}"
# outside a pattern, "${u:-word}" keeps the double-quote rules
p "${u:-\a}" "${u:-\}}" "${u:-\'}" "${u:-\"}"

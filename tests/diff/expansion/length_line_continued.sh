# ${#name} with a backslash-newline after the '#' (or anywhere in it): the
# continuation is removed first, so it is still a length.
x=abc; set -- a b
echo ${#\
x}
echo ${#x\
}
echo ${\
#\
x}
echo ${#\
?} ${#\
#} ${#\
}
echo ${#\
-dflt} ${#\
##}
echo "${#\
x}"

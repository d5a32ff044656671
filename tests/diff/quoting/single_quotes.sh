echo 'a  b   c'
echo 'it''s'
printf '%s\n' '$HOME `x` \n "dq"'

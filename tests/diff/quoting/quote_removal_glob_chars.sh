mkdir d; touch d/a d/b
cd d
echo "*"
echo '*'
echo \*
echo *

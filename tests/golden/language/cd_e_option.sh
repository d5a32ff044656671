# cd -e (POSIX.1-2024) is accepted, alone or with -P; status 0 when the new
# directory's name is known.
cd -P -e /usr; echo "st=$? $PWD"
cd -eP /; echo "st=$? $PWD"
cd -e /usr; echo "st=$? $PWD"
cd -q / 2>/dev/null; echo "bad option st=$?"

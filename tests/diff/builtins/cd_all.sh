mkdir -p d1/d2; ln -s d1/d2 lnk
cd lnk; pwd; cd ..; pwd | sed 's,.*/,,'
cd -P lnk; pwd | sed 's,.*/,,'; cd ..; pwd | sed 's,.*/,,'; cd -L ..
cd -; cd - >/dev/null; CDPATH=.:/tmp; cd d1 ; pwd | sed 's,.*/,,'
cd /nonexist; echo $?
pwd -P | sed 's,.*/,,'; pwd -L | sed 's,.*/,,'

# pwd in a directory that was removed prints $PWD.
mkdir gone && cd gone && rmdir ../gone
pwd | sed 's|.*/||'; echo "st=$?"

PS4='+ '; set -x
echo a "b c"; x=1
y=$(echo s) z=2 true
set +x
PS4='>> '; set -x; echo p; set +x

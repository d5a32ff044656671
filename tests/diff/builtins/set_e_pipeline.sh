set -e
false | true
echo pipeline-last-ok
true | false
echo never

false | true
echo "without: $?"
set -o pipefail
false | true
echo "with: $?"
(exit 3) | (exit 0) | true
echo "with: $?"

mkdir -p g/sub1 g/sub2 && touch g/sub1/f g/sub2/f
echo g/*/f
echo g/sub*

mkdir d && touch d/a d/b d/c
for f in d/*; do echo $f; done

echo a \
  b \
  c
ec\
ho joined

for n in 1 2 3; do
  if [ $n = 1 ]; then echo one
  elif [ $n = 2 ]; then
    if true; then echo two; fi
  else echo other; fi
done

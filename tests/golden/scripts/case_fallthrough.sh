case a in
  a) echo a;&
  b) echo b;&
  c) echo c;;
  d) echo d;;
esac
case b in
  a) echo no;;
  b) echo b2;&
  *) echo star;;
esac

for w in apple banana cherry other; do
  case $w in
    apple) echo A;;
    banana|cherry) echo BC;;
    *) echo default;;
  esac
done

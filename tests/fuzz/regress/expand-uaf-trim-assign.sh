x=a[a-c]пя]}
echo ${x#[a- $((x  =3*6)) $yc]}
echo ${x%[!10]}

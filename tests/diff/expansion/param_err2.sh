u=
(echo ${u?}) ; echo "s=$?"
(echo ${u:?}) ; echo "s=$?"

echo ok
fi

type echo
type cd
type true

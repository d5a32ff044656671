alias a1='echo one' a2='a1 two ' a3=three
a2 a3
alias e='echo ' w=word
e w w

true; if true; then echo ok; fi; while false; do :; done; echo end

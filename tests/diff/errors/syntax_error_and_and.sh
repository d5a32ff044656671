true && && echo x

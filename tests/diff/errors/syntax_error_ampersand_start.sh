& echo x

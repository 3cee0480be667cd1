module example.com/t

go 1.25.0

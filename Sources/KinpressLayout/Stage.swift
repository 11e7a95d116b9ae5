// placeholder while this stage is written

# Newsroom release: installs like a desktop program.
#   make install     [PREFIX=/usr/local] [DESTDIR=]   (PREFIX=$HOME/.local needs no root)
#   make uninstall   removes exactly what install put there
PREFIX  ?= /usr/local
DESTDIR ?=
export PREFIX DESTDIR

.PHONY: install uninstall
install:
	sh ./install.sh install usr/local

uninstall:
	sh ./install.sh uninstall

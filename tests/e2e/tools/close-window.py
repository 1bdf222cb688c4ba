#!/usr/bin/env python3
"""Asks the X window titled ARGV[1] to close, as a window manager's close button does: a
WM_PROTOCOLS / WM_DELETE_WINDOW client message. Plain libX11 through ctypes, so the test
display needs no window manager and no extra package. Exits 1 when no such window exists."""

import ctypes
import sys

x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
Window = ctypes.c_ulong
Atom = ctypes.c_ulong


class ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", Window),
        ("message_type", Atom),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class Event(ctypes.Union):
    _fields_ = [("client", ClientMessage), ("pad", ctypes.c_long * 24)]


x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = Window
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XInternAtom.restype = Atom
x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x11.XQueryTree.argtypes = [
    ctypes.c_void_p, Window, ctypes.POINTER(Window), ctypes.POINTER(Window),
    ctypes.POINTER(ctypes.POINTER(Window)), ctypes.POINTER(ctypes.c_uint),
]
x11.XFetchName.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(ctypes.c_char_p)]
x11.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long, ctypes.POINTER(Event)]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XCloseDisplay.argtypes = [ctypes.c_void_p]


# Windows come and go while the tree is walked (WebKit's helper windows): a request about one
# that is gone fails with BadWindow, which by default ends the process. Ignore such errors.
ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
ignore_errors = ErrorHandler(lambda display, error: 0)
x11.XSetErrorHandler.argtypes = [ErrorHandler]
x11.XSetErrorHandler(ignore_errors)


def windows(display, parent):
    root, up, children, count = Window(), Window(), ctypes.POINTER(Window)(), ctypes.c_uint()
    if not x11.XQueryTree(display, parent, ctypes.byref(root), ctypes.byref(up), ctypes.byref(children), ctypes.byref(count)):
        return
    for i in range(count.value):
        yield children[i]
        yield from windows(display, children[i])


def main(title):
    display = x11.XOpenDisplay(None)
    if not display:
        sys.exit("no X display")
    protocols = x11.XInternAtom(display, b"WM_PROTOCOLS", False)
    delete = x11.XInternAtom(display, b"WM_DELETE_WINDOW", False)
    found = 0
    for window in windows(display, x11.XDefaultRootWindow(display)):
        name = ctypes.c_char_p()
        if x11.XFetchName(display, window, ctypes.byref(name)) and name.value == title.encode():
            event = Event()
            event.client.type = 33  # ClientMessage
            event.client.window = window
            event.client.message_type = protocols
            event.client.format = 32
            event.client.data[0] = delete
            x11.XSendEvent(display, window, False, 0, ctypes.byref(event))
            found += 1
    x11.XFlush(display)
    x11.XCloseDisplay(display)
    sys.exit(0 if found else 1)


main(sys.argv[1])

"""The plain line mode: numbered menus as plain lines, answers read line by line.

For screen readers and braille displays that work best with a simple scrolling
terminal: no full-screen drawing, no colour, no escape sequences. It never
imports Textual, so it starts fast.
"""

package app

import "newsroom/domain"

// disableWhatRoleMayNot turns the moderation buttons and the reply off
// for those whose role may not moderate (contributors and reporters), and
// says why above the queue; the store refuses them anyway.
func (s *CommentsScreen) disableWhatRoleMayNot() {
	why := refusal(s.store, domain.ActModerate)
	if why == "" {
		s.roleNote.Hide()
		return
	}
	for _, b := range s.actionButtons {
		b.Disable()
	}
	s.deleteButton.Disable()
	s.replyButton.Disable()
	s.replyEntry.Disable()
	s.roleNote.SetText(why + " You can read the queue; j and k move.")
	s.roleNote.Show()
}

// mayModerate reports whether the signed-in person may moderate; when
// not, the queue's line under the buttons says why (a key such as a or s
// was pressed).
func (s *CommentsScreen) mayModerate() bool {
	why := refusal(s.store, domain.ActModerate)
	if why == "" {
		return true
	}
	s.message.SetText(why)
	return false
}

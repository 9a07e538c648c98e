package app

import "newsroom/domain"

// disableWhatRoleMayNot turns the moderation buttons off for those whose
// role may not moderate (contributors and reporters); the store refuses
// them anyway.
func (s *CommentsScreen) disableWhatRoleMayNot() {
	if canAct(s.store, domain.ActModerate) {
		return
	}
	for _, b := range s.actionButtons {
		b.Disable()
	}
	s.deleteButton.Disable()
	s.replyButton.Disable()
}

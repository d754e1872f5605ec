"""The store: everything Outreach keeps, in one SQLite database, behind one set of operations.

`repository.Repository` opens the database and holds one object per aggregate; presenters reach
data only through the operations below (`repo.sites.list_sites()`), run on the store's own
thread (`worker.StoreWorker`). A store on a team server will have to offer the same list.
Each write runs in one transaction, together with its audit entry if it keeps one (base.py).

Operations, by aggregate:

    sites.list_sites                   read   the directory, archived sites on request
    sites.get_site                     read   one site
    sites.save_site                    write  add a site or change one
    sites.import_sites                 write  add many sites, all or none
    sites.set_site_archived            write  archive a site or bring it back
    sites.site_is_referenced           read   whether any session or note names the site
    sites.delete_site                  write  remove a site nothing refers to
    sites.site_history                 read   the sessions a site took part in, newest first

    sessions.get_session               read   one session with its sites in speaking order
    sessions.list_sessions_between     read   the sessions overlapping a span of time
    sessions.upcoming_sessions         read   the sessions not yet over, soonest first
    sessions.conflicts_for             read   clashes of a draft with sessions on record
    sessions.ended_session_ids         read   the sessions whose invitations admit nobody
    sessions.save_session              write  schedule a session or change one
    sessions.set_session_status        write  move a session to live, ended, cancelled...
    sessions.record_site_joined        write  a site's link came up
    sessions.record_site_left          write  a site's link went away
    sessions.list_agenda               read   a session's agenda items, per site in order
    sessions.add_agenda_item           write  add a topic or planned question for a site
    sessions.update_agenda_item        write  change an agenda item's text or kind
    sessions.delete_agenda_item        write  remove an agenda item
    sessions.reorder_agenda            write  put a site's agenda items in a new order
    sessions.get_briefing              read   a site's briefing for a session
    sessions.save_briefing             write  write a site's briefing for a session

    notes.list_questions               read   a session's questions with answers and commitments
    notes.get_question                 read   one question with its answer and commitment
    notes.add_question                 write  put a question to a site
    notes.update_question              write  change a question's text, category, asker or site
    notes.delete_question              write  remove a question, its answer and commitment
    notes.save_answer                  write  record or change the answer to a question
    notes.set_commitment               write  make an answer a commitment (opens a follow-up)
    notes.remove_commitment            write  withdraw a question's commitment

    follow_ups.get_follow_up           read   one follow-up
    follow_ups.open_follow_ups_for_site  read   a site's unsolved follow-ups, for its briefing
    follow_ups.claim_follow_up         write  a named person of a unit takes a follow-up
    follow_ups.respond_to_follow_up    write  record what has been done so far
    follow_ups.solve_follow_up         write  record the outcome and the site's satisfaction
    follow_ups.reopen_follow_up        write  send a follow-up back to open, with the reason
    follow_ups.follow_up_steps         read   a follow-up's history, oldest first
    follow_ups.set_follow_up_due_dates   write  the dates to claim, respond and solve by
    follow_ups.follow_up_owner_units   read   every unit named on a follow-up
    follow_ups.follow_up_claimers      read   everyone who ever claimed a follow-up
    follow_ups.list_follow_ups         read   the board: follow-ups by filters, newest first
    follow_ups.get_follow_up_entry     read   one follow-up as the board shows it
    follow_ups.plan_demand_import      read   what importing demands would do, line by line
    follow_ups.import_demands          write  store demands from a board's export, or update them
    follow_ups.demand_sources          read   where imported follow-ups came from

    review.minutes                     read   a session's record: notes and reviews
    review.review_history              read   a session's reviews, oldest first
    review.set_review                  write  approve minutes or send them back
    review.audit_trail                 read   who did what, newest first
    review.list_review_sessions        read   the sessions to review, by filters, newest first

    search.search                      read   notes matching a query and filters, newest first

    statistics.statistics_figures      read   a period's figures by channel, category, site...
    statistics.month_publications      read   every closing of a month, oldest first
    statistics.closed_months           read   the months closed now
    statistics.statistics_report       read   a period compared with earlier ones, and a trend
    statistics.close_month             write  publish a month: keep its figures as they are
    statistics.reopen_month            write  take a closed month back, saying why

    calls.record_site_check            write  keep a site's latest pre-call check
    calls.site_checks                  read   the latest pre-call check of each site
    calls.record_notice                write  keep a notice sent to one site or all
    calls.notices                      read   a session's notices to sites, oldest first
    calls.start_recording              write  a session's recording began
    calls.finish_recording             write  a recording ended
    calls.recordings                   read   a session's recordings
    calls.interrupted_sessions         read   sessions a crash left live
    calls.end_interrupted_session      write  end a session a crash left live

    meta.get_meta                      read   a fact about the database (what built it)
    meta.set_meta                      write  record a fact about the database
    meta.list_categories               read   the categories of notes, in order
    meta.set_categories                write  replace the categories of notes
"""

"""Common given names and East Asian family names: evidence that a span is a person.

A capitalised pair like "Fiona Hill" has no title or verb to say it is a person;
a known given name in front does.  East Asian names put the family name first
("Kim Gunn", "Choe Son Hui", "Xi Jinping"), so those family names count too.
The lists favour names common in news copy; missing names only lower recall.
"""

from __future__ import annotations

from newsdesk.extract.data import word_set

_GIVEN = """
Aaron Abby Abdul Abdullah Abe Abigail Abraham Adam Adams Adrian Adriana Agnes Ahmad
Ahmed Aidan Aisha Alan Alana Albert Alberto Alejandro Alex Alexa Alexander Alexandra
Alexandre Alexei Alexey Alfred Alfredo Ali Alice Alicia Alison Allison Alistair
Alma Amanda Amber Amelia Amina Amir Amit Amy Ana Anand Anastasia Anders Andre Andrea
Andreas Andrei Andres Andrew Andrey Andy Angel Angela Angelina Angelo Angus Anita Ann
Anna Anne Annie Anthony Antonio Anton Antony Anwar April Arjun Arnold Arthur Asha
Ashley Ashok Ashton Audrey Austin Ava Avi Ayesha Barack Barbara Barry Bashar Beatrice
Ben Benjamin Benny Bernard Bernie Beth Betty Beverly Bill Billy Bob Bobby Bonnie Boris
Brad Bradley Brandon Brenda Brendan Brent Brett Brian Bridget Brittany Bruce Bruno
Bryan Byron Caitlin Callum Calvin Cameron Camila Carl Carla Carlos Carmen Carol
Caroline Carolyn Carrie Casey Catherine Cathy Cecilia Cedric Celia Chad Charles
Charlie Charlotte Chelsea Cheryl Chloe Chris Christian Christina Christine
Christopher Chuck Cindy Claire Clara Clarence Claude Claudia Clay Clifford Clint
Colin Connor Conor Constance Cory Courtney Craig Cristina Curtis Cynthia Dale Dalia
Damian Dan Dana Daniel Daniela Danielle Danny Darius Darren Dave David Dawn Dean
Debbie Deborah Debra Denis Denise Dennis Derek Devin Diana Diane Diego Dilma Dimitri
Dmitry Dmitri Dominic Don Donald Donna Doris Dorothy Doug Douglas Duncan Dustin
Dwayne Dylan Ed Eddie Edgar Edith Edmund Eduardo Edward Edwin Elaine Eleanor Elena
Eli Elijah Elisabeth Elizabeth Ella Ellen Elliot Elliott Elon Emily Emma Emmanuel
Enrique Eric Erica Erik Erin Ernest Ernesto Esther Ethan Eugene Eva Evan Evelyn
Fabian Farah Fatima Felipe Felix Fernando Fiona Florence Frances Francesca Francis
Francisco Frank Franklin Fred Frederick Gabriel Gabriela Gail Gareth Gary Gavin
Gemma Gene George Georgia Gerald Gerard Gerhard Giovanni Giuseppe Glen Glenn Gloria
Gordon Grace Graham Grant Greg Gregory Greta Guy Hailey Hamid Hana Hannah Hans Harold
Harriet Harris Harry Harvey Hassan Heather Hector Heidi Helen Helena Henry Herbert
Hillary Holly Howard Hugh Hugo Hunter Hussein Ian Ibrahim Igor Ilya Imran Ingrid Irene
Isaac Isabel Isabella Isabelle Ivan Ivanka Jack Jackie Jacob Jacqueline Jade Jaime
Jake James Jamie Jan Jane Janet Janice Jared Jasmine Jason Javier Jay Jean Jeanne
Jeff Jeffrey Jen Jennifer Jenny Jeremy Jerome Jerry Jesse Jessica Jesus Jill Jim
Jimmy Jo Joan Joanna Joanne Jodie Joe Joel Johan Johann Johannes John Johnny Jon
Jonas Jonathan Jordan Jorge Jose Josef Joseph Josh Joshua Joy Joyce Juan Judith Judy
Julia Julian Julie Juliet Julio Justin Kamala Karen Karim Karin Karl Kate Katherine
Kathleen Kathryn Kathy Katie Katrina Kay Keith Kelly Kelvin Ken Kenneth Kenny Kevin
Khalid Kim Kimberly Kirk Kirsten Klaus Kristen Kristin Kyle Lana Lance Larry Laura
Lauren Laurence Lawrence Leah Lee Leila Len Leo Leon Leonard Leslie Lewis Liam Lily
Linda Lindsay Lindsey Lisa Lorna Liz Lloyd Logan Lois Lorenzo Lori Louis Louise Lucas Lucia
Lucy Luis Luke Lydia Lynn Mackenzie Madeleine Madison Magdalena Maggie Mahmoud Malcolm
Mandy Manuel Marc Marcel Marco Marcus Margaret Maria Mariam Marie Marilyn Mario Marion
Mark Marsha Marta Martha Martin Marty Mary Mason Matt Matteo Matthew Maureen Max Maxine
Maya Megan Meghan Mehmet Melanie Melinda Melissa Michael Michaela Michel Michele
Michelle Miguel Mike Mikhail Milan Miles Miriam Mitch Mitchell Mohamed Mohammad
Mohammed Monica Morgan Muhammad Murray Mustafa Nadia Nancy Naomi Narendra Natalia
Natalie Natasha Nathan Nathaniel Neil Nelson Nicholas Nick Nicola Nicolas Nicole
Nigel Nikki Nikita Nikolai Nina Noah Noel Nora Norman Olaf Olga Oliver Olivia Omar
Oscar Owen Pablo Pamela Paolo Pat Patricia Patrick Paul Paula Pauline Pedro Peggy
Penny Peter Phil Philip Phillip Pierre Priya Rachel Rafael Rahul Raj Ralph Ramon
Randy Raul Ray Raymond Rebecca Reggie Renee Rex Ricardo Richard Rick Ricky Rishi Rita
Rob Robert Roberto Robin Rod Roger Roland Ron Ronald Rosa Rose Ross Roy Ruby Rudy
Rupert Russell Ruth Ryan Sabrina Sadiq Sally Salman Sam Samantha Samir Samuel Sandra
Sara Sarah Saul Scott Sean Sebastian Sergei Sergey Seth Shane Shannon Sharon Shaun
Shawn Sheila Shirley Sidney Simon Sofia Sonia Sophia Sophie Stacey Stanley Stefan
Stella Stephanie Stephen Steve Steven Stuart Sue Susan Suzanne Sylvia Tamara Tanya
Tara Ted Teresa Terry Theo Theodore Theresa Thomas Tim Timothy Tina Toby Todd Tom
Tommy Tony Tracy Travis Trevor Troy Tyler Uma Ursula Valentina Valerie Vanessa
Vera Veronica Victor Victoria Vikram Vincent Viktor Vladimir Volodymyr Wade Walter
Wanda Warren Wayne Wendy Wesley Will William Willie Wilson Xavier Yasmin Yolanda
Yusuf Yuri Zach Zachary Zoe Zelda Zeynep Recep Emmanuel Jair Olaf Justin Jacinda
Anthony Rishi Keir Liz Theresa Nicola Boris Jeremy Ursula Antonio Pedro Mateo Luiz
Joko Ferdinand Bongbong Shinzo Fumio Yoshihide Naruhito Akihito Narendra Imran
Shehbaz Nawaz Benazir Benjamin Yair Naftali Mahmoud Ismail Yahya Hamad Tamim Ayman
Recep Ekrem Kemal Alexei Sergei Dmitry Yevgeny Ramzan Aleksandr Alexander Svetlana
Viktor Andrzej Mateusz Donald Jens Mette Magdalena Sanna Petteri Olaf
Angela Friedrich Annalena Emmanuel Marine Jean-Luc Jean-Pierre Jean-Claude
Jean-Marie Jean-Yves Jean-Michel Marie-Claire Anne-Marie Hans-Peter Karl-Heinz
Giorgia Matteo Silvio Mario Pedro Kyriakos Alexis Micheal Leo Enda Mary Lou Gerry
Fidel Raul Hugo Nicolas Evo Lula Cristina Javier Gabriel Gustavo Claudia Andres
Kim Kamala Nancy Mitch Chuck Kevin Hakeem Ilhan Alexandria Bernie Elizabeth Ted Marco
Lindsey Mitt Liz Adam Jamie Eric Ron Gavin Greg Kathy Gretchen Tim Josh Pete Beto
Stacey Raphael Jon Rand Tom Joni Chris Jared Ivanka Melania Hunter Jill Doug Kash
Merrick Lloyd Antony Janet Gina Xavier Alejandro Deb Tom Pete Marty Dick Mike Rex
Condoleezza Colin Madeleine Hillary Tulsi Vivek Nikki Asa Ken Kari Kristi Glenn Jay
Gordon Fiona Rudy Volodymyr Julian Eva-Marie Zach Bruce Ryan Jonas Matt Jason
Aaliyah Abdel Abdirahman Abiy Abubakar Adebayo Adel Adnan Ahmet Aileen Aisling Akira Alain
Alastair Alena Alexis Alfonso Alisha Alonso Amani Amara Amare Amos Anastasios Andrzej Aneta
Angelique Anil Anjali Annalena Annika Antoine Antonia Aoife Arash Ariana Ariel Arnaud Arturo
Asif Astrid Aurelie Ayumi Aziz Babajide Bakary Barbara Bartosz Beatriz Benoit Bertrand Bilal
Birgit Bjorn Blessing Bogdan Bola Bongani Brigitte Bronwyn Camille Carina Carlo Carmela Catalina
Cem Chanel Chiara Chidi Chinedu Chioma Chukwuemeka Ciaran Cillian Claudio Corinne Cristiano
Dagny Daisuke Damien Dariusz Davide Deepak Deniz Desmond Dieter Dimitris Divya Dominika Dorota
Efua Elif Eliska Elodie Emeka Emine Emre Enzo Erdogan Esra Esteban Etienne Eunice Ewa Fabio
Fahad Faisal Farid Fatou Federica Federico Fernanda Filip Florian Folake Francois Franz Frida
Fumiko Gabriele Gaurav Giulia Giulio Gonzalo Goran Graciela Grzegorz Guillaume Gunnar Gustav
Habib Hadi Hakan Haruki Hassan Heinz Helga Hideo Hiroshi Hitoshi Hugo Hyun Ifeoma Ikechukwu
Ilse Imani Ines Ingrid Irina Isidro Ismail Ivana Jacek Jakub Jamal Jana Janusz Jaroslav Javad
Jayden Jelena Jens Jeong Jiho Joao Joaquin Jorge Jovan Jun Junichi Jurgen Kaito Kamal Karima
Karolina Kasia Kateryna Katarzyna Kazuo Kemi Kenji Khadija Kiran Kofi Koji Kwame Kwabena Lakshmi
Lamar Lars Laszlo Latisha Layla Leticia Liesbeth Lina Lionel Lorenzo Luca Lucas Ludmila Lukas
Magnus Mahesh Maksim Malak Malik Mamadou Manon Marcela Marek Margarethe Mariana Marisol Marius
Marta Mateus Mathieu Matthias Maximilian Mehdi Mei Meera Mercy Michal Miguel Mihai Mikael
Milica Ming Minh Miriam Mohamud Moussa Naledi Nanami Naoki Naveen Nawal Neha Nenad Nguyen Nia
Nikolaos Nilufar Nkechi Noor Nour Nuno Obinna Ola Olamide Oleg Oleksandr Oleksiy Olena Olumide
Omari Osman Oswaldo Pascal Patrice Pavel Pawel Petra Pieter Pilar Piotr Pooja Pradeep Prakash
Rafal Rahim Rajesh Ramesh Rania Rashid Reza Rima Rodrigo Rolf Rosario Rosemary Ruslan Ryo Saad
Sabine Sadia Saeed Sakura Salma Salvatore Sami Sandeep Sanjay Santiago Sarita Satoshi Sebastien
Seo Sergio Shahid Shinji Shira Sibusiso Sigrid Simone Siobhan Slawomir Sofie Sunil Suresh
Svetlana Tadeusz Takashi Takeshi Tamar Tariq Tatiana Teodor Thabo Theodoros Thiago Tomas Tomasz
Tunde Ulrich Umar Valentin Vasily Vijay Viktoria Vinod Vladislav Wei Wojciech Xavier Yaw Yasmin
Yevgenia Yoshiko Youssef Yui Yuki Yusuf Zainab Zanele Zeynep Zhanna Zofia Zoltan Izumi Hiroko
Ayesha Bilawal Maryam Nadine Rosalind Gwendolyn Marjorie Mildred Agnes Hazel Mabel Rowan Quentin
Reginald Rupert Cornelius Ignatius Barnaby Jasper Felicity Imogen Hermione Ottilie Isla Freya
Elsie Poppy Harriet Niamh Saoirse Eamon Seamus Padraig Brendan Declan Fergus Hamish Angus Ewan
Callum Lachlan Tristan Dominic Leopold Clarissa Priscilla Loretta Bernadette Geraldine Josephine
Marguerite Yvonne Colette Delphine Sandrine Veronique Gaston Thierry Didier Laurent Olivier Yves
Hernan Ignacio Lautaro Mauricio Rocio Ximena Guadalupe Marisa Consuelo Lupita Catarina Goncalo
Keanu Kalani Leilani Tevita Sione Aroha Wiremu Hemi Rangi Tane Mere
Helene Amelie Iain Maeve Facundo Henrik Ewan Ruairi Aine Roisin Sinead Eoin Oisin Darragh
Mairead Grainne Fionnuala Odhran Cormac Tadhg Jaroslaw Krzysztof Zuzana Ondrej Pavol Marek
Katalin Zsofia Gergely Miklos Annelies Marieke Femke Willem Hendrik Pieter Jeroen Joost Sanne
Lieke Bram Maarten Thijs Wouter Anouk Ingeborg Solveig Torbjorn Henrike Verena Andreu Jordi
Julia Lucia Montserrat Nuria Pau Oriol Xavier Ignasi Carles Eulalia Ainhoa Iker Unai Aitor
Itziar Jon Gorka Asier Kenji Mei-Ling Rosa Hernan Rodrigo Felipe Ruth Elena Sergio Tomas
Rosario Gabriela Lachlan Joanne Selma Paulo Darren Gavin Anita Ray Niamh Declan Eimear
Orla Padraig Maeve Daniel Ewa Maria Kasia Agnieszka Malgorzata Justyna Magdalena Zbigniew
Karsten Rasmus Birgitte Mikkel Frederik Kasper Jesper Anders Morten Henning Ulla Lone Pia
"""

# Names common in German, French, Spanish, Italian, Portuguese, Dutch, Nordic, Polish, Czech,
# Turkish and Russian copy (bylines in those languages). Left out: names that are also a word,
# a month or a place there ("Noël", "Julio", "Per", "Santiago", "Regina", "Mercedes").
_GIVEN_EUROPE = """
Achim Alfons Andrea Anja Anke Annette Antje Armin Arne Axel Bärbel Bastian Beate Benedikt
Bernd Bernhard Bettina Björn Britta Burkhard Carsten Christa Christiane Christoph Cornelia
Dagmar Detlef Dieter Dietmar Dirk Dorothea Eckhard Egon Elke Emil Erika Ernst Erwin Ewald
Fabian Florian Franz Franziska Frauke Friedrich Fritz Gabriele Georg Gerd Gerhard Gertrud
Gisela Gregor Gudrun Günter Günther Gunnar Hannes Harald Hartmut Heike Heiko Heinrich
Heinz Helmut Hendrik Herbert Hermann Hildegard Holger Horst Hubert Ingo Jens Jörg Johanna
Johannes Josef Jürgen Jutta Karsten Katharina Kathrin Katja Katrin Klaus Konrad Kurt Lothar
Lukas Lutz Maik Manfred Manuela Marcel Mareike Margarete Marina Marion Markus Marlene
Martina Matthias Maximilian Meike Monika Moritz Niklas Nils Norbert Olaf Ole Philipp Rainer
Ralf Reinhard Reinhold Renate Rolf Ronja Rudolf Rüdiger Sascha Silke Sonja Stefanie Steffen
Steffi Susanne Svenja Tanja Thilo Thorsten Tilman Tobias Torsten Ulf Ulrich Ulrike Uta Ute
Uwe Verena Volker Walter Werner Wiebke Wilhelm Willi Wolfgang
Nadja Maike Sven Timo Malte Jannik Mia Lea Lena Hanna Emilia Ida Frieda Inge Waltraud Rosemarie
Corinna Jasmin Veronika Jule Kerstin Dörte Luise Leonie Elias Nico Dominik Marvin Jörn Hauke
Helge Udo Reiner Siegfried Wilfried Winfried Wolfram Gernot Ludwig Eberhard Joachim Jochen
Knut Mathias Mirko Stephan Sönke Wieland Elmar
Chloé Élodie Océane Véronique Josiane Lucie Maëlle Ségolène Jérémie Matthieu Rémy Thibault
Cédric Grégoire Loïc Ludovic Romain Sylvain Théo
Josefina Luisa Silvia Valeria Agustín Camilo Cristian Cristóbal Héctor Hernán Julián Martín
Matías Rodolfo Rubén Vicente
Alessia Giada Serena Dario Fabrizio Umberto Vittorio
Bruna Juliana Larissa Letícia Patrícia Thaís Antônio Henrique Leandro Otávio Renato
Adrien Agathe Amélie Anaïs André Antoine Arnaud Aurélie Baptiste Benoît Céline Chantal
Christelle Christophe Clément Didier Dominique Édouard Élise Émilie Emmanuel Emmanuelle Éric
Étienne Fabien Fabrice François Françoise Frédéric Gaëlle Geneviève Gérard Gilles Guillaume
Hélène Henri Hervé Hugues Jacques Jérôme Joël Julien Juliette Laetitia Laurence Laurent Léa
Lionel Mathieu Mathilde Maxime Michèle Monique Nathalie Olivier Pascal Patrice Philippe
Raphaël Régis Rémi Renaud Sébastien Serge Solène Stéphane Sylvie Thierry Valérie Virginie
Xavier Yann Yannick Yves Ophélie Mélanie Margaux
Alejandra Alfonso Álvaro Andrés Ángel Beatriz Blanca Eduardo Emilio Enrique Esteban Federico
Felipe Fernando Francisco Gonzalo Guillermo Ignacio Inés Jacobo Javier Joaquín Jorge José
Josefa Juana Lucía Marcos María Mariano Miguel Mónica Nicolás Óscar Pablo Rafael Ramón Raúl
Ricardo Rocío Rodrigo Sergio Tomás Verónica Víctor
Alessandra Alessandro Alessio Antonella Carlo Claudio Cristiano Daniele Davide Elisa Emanuele
Enrico Fabio Filippo Francesco Gianluca Gianni Giacomo Giorgio Giovanna Giovanni Giulio
Giuseppe Giuseppina Guido Ilaria Lorenzo Luca Luigi Massimo Matteo Mattia Maurizio Nicolò
Paola Paolo Pietro Raffaele Riccardo Roberta Salvatore Simona Stefano Tommaso Valerio
Vincenzo
Afonso António Caio Cláudia Diogo Duarte Fábio Filipe Flávio Gonçalo Guilherme Joana João
Júlia Leonardo Luana Luíza Marcelo Márcio Matheus Rafaela Renata Sérgio Thiago Tiago
Vinícius Vítor
Anneke Arjen Bart Bram Daan Femke Geert Henk Jeroen Joost Kees Lotte Maarten Mats Pieter
Ruud Sanne Wouter Bjørn Kristian Magnus Solveig Tove Leena Mikko Pekka Tapio Jukka
Andrzej Bogdan Dariusz Grzegorz Jakub Janusz Jerzy Krzysztof Łukasz Małgorzata Marek Marcin
Michał Paweł Piotr Tomasz Wojciech Jiří Petr Pavel Tomáš
Ahmet Ayşe Burak Cem Emre Fatma Hakan Kemal Mehmet Murat Mustafa Özlem Selin Kazım Yusuf
Nikolai Sergei Irina Vladimir Yuri Igor Oleg Ekaterina Mikhail
"""

#: Given names; a capitalised pair starting with one of these is likely a person.
GIVEN_NAMES: frozenset[str] = word_set(_GIVEN) | word_set(_GIVEN_EUROPE)

#: Family names that begin Korean, Chinese and Vietnamese names in running text.
EAST_ASIAN_FAMILY_NAMES: frozenset[str] = word_set("""
    Kim Lee Yi Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang
    Lim Im Han Oh Seo Suh Shin Sin Kwon Hwang Ahn An Song Hong Jeon Chun Ko Moon Mun
    Son Sohn Yang Bae Baek Paek Heo Huh Nam Noh Roh Ha Kwak Ryu Yoo Yu Woo Min Jin
    Byun Chae Ri Ju Joo Hyun Kil Gil Ok Tak Pyo Uhm Eom Wi Do Ma Seol Sung Sun
    Bong Cha Koo Gu Shim Sim Yeom Gong Seok Maeng Rhee Yeo Nah Byeon Seong Myung
    Wang Li Zhang Liu Chen Huang Zhao Wu Zhou Xu Zhu Hu Guo He Lin Luo Gao Zheng
    Liang Xie Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu
    Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jiang Tan Lo Lau Wong Leung Cheung Chan
    Ho Ng Tsang Tse Xi Qin Bo Kong Meng Mao Deng Wen Lai Tsai Ma Ko Hou Hsu Hsieh
    Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ngo Duong Ly Vo
    """)

#: Given names mostly borne by women: they let "she said" skip a man named just
#: before and "he said" skip a woman.  Names borne by both are left out.
FEMALE_GIVEN_NAMES: frozenset[str] = word_set(
    """
    Abby Abigail Adriana Agnes Aileen Aisha Aisling Alana Alena Alexa Alexandra Alice
    Alicia Alina Alison Allison Alma Amanda Amani Amara Amber Amelia Amina Amy Ana
    Anastasia Andrea Aneta Angela Angelina Angelique Anita Anjali Ann Anna Annalena Anne
    Anne-Marie Annie Annika Antonia Aoife April Ariana Asha Astrid Audrey Aurelie Ava
    Ayesha Ayumi Barbara Beatrice Beatriz Benazir Bernadette Beth Betty Beverly Birgit
    Bonnie Brenda Bridget Brigitte Brittany Bronwyn Caitlin Camila Camille Carina Carla
    Carmela Carmen Carol Caroline Carolyn Carrie Catalina Catarina Catherine Cathy Cecilia
    Celia Chanel Charlotte Chelsea Cheryl Chiara Chioma Chloe Christina Christine Cindy
    Claire Clara Clarissa Claudia Colette Condoleezza Constance Consuelo Corinne Courtney
    Cristina Cynthia Dagny Dalia Dana Daniela Danielle Dawn Debbie Deborah Debra Delphine
    Denise Diana Diane Dilma Divya Dominika Donna Doris Dorota Dorothy Edith Efua Elaine
    Eleanor Elena Elif Eliska Elisabeth Elizabeth Ella Ellen Elodie Elsie Emily Emine Emma
    Erica Erin Esra Esther Eunice Eva Eva-Marie Evelyn Ewa Farah Fatima Fatou Federica
    Felicity Fernanda Fiona Folake Frances Francesca Freya Frida Fumiko Gabriela Gail Gemma
    Georgia Geraldine Giorgia Giulia Gloria Grace Graciela Greta Gretchen Guadalupe
    Gwendolyn Hailey Hana Hannah Harriet Hazel Heather Heidi Helen Helena Helga Hermione
    Hillary Hiroko Holly Ifeoma Ilhan Ilse Imani Imogen Ines Ingrid Irena Irene Irina
    Isabel Isabella Isabelle Isla Ivana Ivanka Jacinda Jacqueline Jade Jana Jane Janet
    Janice Jasmine Jeanne Jelena Jen Jennifer Jenny Jessica Jill Joan Joanna Joanne Jodie
    Joni Josephine Joy Joyce Judith Judy Julia Julie Juliet Kamala Karen Karima Karin
    Karolina Kasia Kate Kateryna Katarzyna Katherine Kathleen Kathryn Kathy Katie Katrina
    Kemi Khadija Kimberly Kirsten Kristen Kristi Kristin Lakshmi Lana Latisha Laura Lauren
    Layla Leah Leila Leilani Leticia Liesbeth Lily Lina Linda Lindsay Lindsey Lisa Liz
    Lois Loretta Lori Lorna Louise Lucia Lucy Ludmila Lupita Lydia Lynda Lynn Mabel
    Madeleine Madison Magdalena Maggie Malak Mandy Manon Marcela Margaret Margarethe
    Marguerite Maria Mariam Mariana Marie Marie-Claire Marilyn Marine Marisa Marisol Marjorie
    Marsha Marta Martha Mary Maryam Maureen Maxine Maya Megan Meghan Mei Melania Melanie
    Melinda Melissa Mercy Mere Mette Michaela Michele Michelle Mildred Milica Miriam Monica
    Nadia Nadine Naledi Nanami Nancy Naomi Natalia Natalie Natasha Nawal Neha Nesma Nia
    Niamh Nicola Nicole Nikki Nilufar Nina Nkechi Noor Nora Olena Olga Olivia Ottilie Pamela
    Patricia Paula Pauline Peggy Penny Petra Phoebe Pilar Pooja Poppy Priscilla Priya Rachel
    Rania Raquel Rebecca Renee Rima Rita Rocio Rosa Rosalind Rose Rosemary Ruby Ruth
    Sabine Sabrina Sadia Sakura Sally Salma Samantha Sandra Sandrine Sanna Saoirse Sara
    Sarah Sarita Shannon Sharon Sheila Sherine Shira Shirley Sigrid Simone Siobhan Sofia
    Sofie Sonia Sophia Sophie Stacey Stella Stephanie Sue Susan Suzanne Svetlana Sylvia
    Tamar Tamara Tanya Tara Tatiana Teresa Theresa Tina Tracy Tulsi Uma Ursula Valentina
    Valerie Vanessa Vera Veronica Veronique Victoria Viktoria Wanda Wendy Ximena Yasmin
    Yevgenia Yolanda Yoshiko Yui Yuki Yvonne Zainab Zanele Zelda Zeynep Zhanna Zoe Zofia
    """
)
